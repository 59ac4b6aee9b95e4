// Which file names are referat files: shared by the CLI's folder walk and the workspace index.

export const REFERAT_SUFFIXES = ['.referat', '.referat.txt', '.referat.md'] as const;

export function isReferatFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return REFERAT_SUFFIXES.some((suffix) => lower.endsWith(suffix) && lower.length > suffix.length);
}
