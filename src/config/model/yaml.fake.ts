/** YAML documents that tests feed to gini's readers. */

/** Nine aliases of nine aliases ...: about 10^8 nodes once expanded, a few hundred bytes as text. */
export const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...["b", "c", "d", "e", "f", "g", "h"].map(
    (name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`,
  ),
  "i: [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
  "",
].join("\n");
