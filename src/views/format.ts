// Number formatting as Japanese public documents print it: Arabic numerals, 3-digit commas.

const thousands = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0, useGrouping: true });

export const formatAmount = (value: number): string => thousands.format(value);
