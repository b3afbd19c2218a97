// pdfmake's own modules that the part-wise layout drives directly (backends/pdf/pdfmake-modules.ts).
// pdfmake's types describe only its public API; these are its CommonJS build (js/), each
// exporting its class as `default`.
declare module 'pdfmake/js/*' {
  const mod: { default?: new (...args: unknown[]) => unknown };
  export default mod;
}
