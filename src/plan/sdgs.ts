// The 17 Sustainable Development Goals as the documents print them: each goal's number, its short
// Japanese name (as 国際連合広報センター gives them) and its official colour. Drawn by keikaku as a
// coloured label with text, never as a downloaded image.

export interface SdgGoal {
  readonly number: number;
  readonly name: string;
  /** The goal's official colour (#rrggbb). */
  readonly color: string;
}

export const SDG_GOALS: readonly SdgGoal[] = [
  { number: 1, name: '貧困をなくそう', color: '#E5243B' },
  { number: 2, name: '飢餓をゼロに', color: '#DDA63A' },
  { number: 3, name: 'すべての人に健康と福祉を', color: '#4C9F38' },
  { number: 4, name: '質の高い教育をみんなに', color: '#C5192D' },
  { number: 5, name: 'ジェンダー平等を実現しよう', color: '#FF3A21' },
  { number: 6, name: '安全な水とトイレを世界中に', color: '#26BDE2' },
  { number: 7, name: 'エネルギーをみんなに そしてクリーンに', color: '#FCC30B' },
  { number: 8, name: '働きがいも経済成長も', color: '#A21942' },
  { number: 9, name: '産業と技術革新の基盤をつくろう', color: '#FD6925' },
  { number: 10, name: '人や国の不平等をなくそう', color: '#DD1367' },
  { number: 11, name: '住み続けられるまちづくりを', color: '#FD9D24' },
  { number: 12, name: 'つくる責任 つかう責任', color: '#BF8B2E' },
  { number: 13, name: '気候変動に具体的な対策を', color: '#3F7E44' },
  { number: 14, name: '海の豊かさを守ろう', color: '#0A97D9' },
  { number: 15, name: '陸の豊かさも守ろう', color: '#56C02B' },
  { number: 16, name: '平和と公正をすべての人に', color: '#00689D' },
  { number: 17, name: 'パートナーシップで目標を達成しよう', color: '#19486A' },
];

/** Relative luminance (WCAG 2.x) of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The text colour on a goal's colour: white or near-black, whichever contrasts more. One of the
 * two always reaches 4.5:1 (WCAG AA for small text), which white alone does not on every goal.
 */
export function textColorOn(fill: string): string {
  const l = luminance(fill);
  return contrast(l, 1) >= contrast(l, luminance('#1A1A1A')) ? '#FFFFFF' : '#1A1A1A';
}
