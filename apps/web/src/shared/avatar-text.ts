/**
 * The text in a person's avatar, as DingTalk/Feishu show it: the last two characters of a short
 * Chinese name (李明 → 李明, 王建国 → 建国), the first of a longer one, initials of a Latin name.
 */
export function avatarText(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  if (/^[\u3400-\u9fff]+$/.test(trimmed)) return trimmed.length <= 3 ? trimmed.slice(-2) : trimmed.slice(0, 1);
  const initials = trimmed
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return initials || trimmed.slice(0, 1);
}
