// linebreak (UAX #14 line breaking, the breaker pdfmake itself uses) ships no types.
declare module 'linebreak' {
  export interface Break {
    readonly position: number;
    readonly required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
