/** Scores travel as numbers with two decimals and are stored as integer hundredths. */
export function toX100(score: number): number;
export function toX100(score: number | null): number | null;
export function toX100(score: number | null): number | null {
  return score === null ? null : Math.round(score * 100);
}

export function fromX100(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value) / 100;
}

export function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
