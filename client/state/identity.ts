/**
 * An object's identity as a number, for keys that say whether a view must
 * redraw: the store replaces its trace, layout and result whenever they change.
 */
const ids = new WeakMap<object, number>();
let nextId = 1;

export function idOf(o: object | null): number {
  if (!o) return 0;
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}
