import unhomoglyph from 'unhomoglyph';

/**
 * What nickname uniqueness compares: the Unicode TR39 confusable skeleton of
 * the case-folded name — NFKC, lower case, NFD, each character replaced by its
 * prototype from Unicode's confusables.txt (the `unhomoglyph` package), NFD
 * again, lower case again. Two names with the same key look alike ("Ada" and
 * Cyrillic "Аda", "Gradіent" with a Cyrillic і, "rn" and "m"), so the second
 * is refused as taken. The key is for comparing only, never for showing.
 */
export function nicknameKey(nickname: string): string {
  const folded = nickname.normalize('NFKC').toLowerCase().normalize('NFD');
  return unhomoglyph(folded).normalize('NFD').toLowerCase();
}

/** The gradient demon's name, as a key: no player's name may start like it. */
export const DEMON_KEY = nicknameKey('gradient demon');
