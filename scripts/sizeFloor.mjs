// `size:why --floor`: how far two code-level tricks could take a bundle, so that a size target
// can be judged before anyone tries them. Both are upper bounds on the saving, worked out on the
// minified text with regular expressions (an estimate, not a build):
//   - mangling: every property name of 3+ characters read as `.name` becomes a 2-3 character
//     one, public API names included (what property mangling could save at most; the engine's
//     private members are already ECMAScript #private, which every minifier renames);
//   - no strings: every string literal becomes "" (error messages, event names, wire keys).
import { gzipSync } from 'node:zlib';

const PROPERTY = /\.([A-Za-z_$][\w$]{2,})/g;
const STRING = /(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g;

/** A short name for the n-th distinct property (`$a`, `$b`, …, `$ba`, …). */
function shortName(n) {
  let name = '';
  do {
    name = String.fromCharCode(97 + (n % 26)) + name;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `$${name}`;
}

/** The gzip sizes of `text` as it is, with every property mangled, and without string literals. */
export function floors(text) {
  const names = new Map();
  const mangled = text.replace(PROPERTY, (_, name) => {
    if (!names.has(name)) names.set(name, shortName(names.size));
    return `.${names.get(name)}`;
  });
  const noStrings = text.replace(STRING, '""');
  const gzip = (s) => gzipSync(s).length;
  return {
    asIs: gzip(text),
    mangled: gzip(mangled),
    noStrings: gzip(noStrings),
    both: gzip(mangled.replace(STRING, '""')),
  };
}
