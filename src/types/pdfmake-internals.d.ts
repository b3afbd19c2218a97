// The one of pdfmake's own modules that the part-wise layout (backends/pdf/partwise-layout.ts)
// drives directly. pdfmake's types describe only its public API; these are its CommonJS build
// (js/), which exports its class as `default`.
declare module 'pdfmake/js/LayoutBuilder.js' {
  const mod: { default?: new (...args: unknown[]) => unknown };
  export default mod;
}
