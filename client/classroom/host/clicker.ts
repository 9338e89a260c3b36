/**
 * The projector driven from a presenter's clicker, without touching the laptop.
 * Clickers send Page Down (most) or → (some) for "next slide": on every host
 * screen that is its primary action — Start in the lobby, Next round or Show
 * the podium at a reveal. N does the same from a keyboard; P or Space pauses
 * and resumes an open round. Nothing is taken from a focused field, and a
 * focused button keeps its own Space and Enter.
 */
export type ClickerAction = 'next' | 'pause';

const NEXT_KEYS: ReadonlySet<string> = new Set(['PageDown', 'ArrowRight', 'n', 'N']);
const PAUSE_KEYS: ReadonlySet<string> = new Set(['p', 'P', ' ']);

export function clickerAction(e: KeyboardEvent): ClickerAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return null;
  const target = e.target as HTMLElement | null;
  const tag = target?.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable)
    return null;
  if (
    (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') &&
    (e.key === ' ' || e.key === 'Enter')
  )
    return null;
  if (NEXT_KEYS.has(e.key)) return 'next';
  if (PAUSE_KEYS.has(e.key)) return 'pause';
  return null;
}
