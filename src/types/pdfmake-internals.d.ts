// The few of pdfmake's own modules that the part-wise layout (backends/pdf/partwise-layout.ts,
// part-record.ts) drives directly. pdfmake's types describe only its public API; these are its
// CommonJS build (js/), each exporting its class as `default`.
declare module 'pdfmake/js/LayoutBuilder.js' {
  const mod: { default?: new (...args: unknown[]) => unknown };
  export default mod;
}
declare module 'pdfmake/js/DocPreprocessor.js' {
  const mod: { default?: new () => unknown };
  export default mod;
}
declare module 'pdfmake/js/DocMeasure.js' {
  const mod: { default?: new (...args: unknown[]) => unknown };
  export default mod;
}
declare module 'pdfmake/js/DocumentContext.js' {
  const mod: { default?: new () => unknown };
  export default mod;
}
declare module 'pdfmake/js/PageElementWriter.js' {
  const mod: { default?: new (context: unknown) => unknown };
  export default mod;
}
declare module 'pdfmake/js/Line.js' {
  const mod: { default?: new (...args: unknown[]) => unknown };
  export default mod;
}
