type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

/**
 * Offset of the first JSON (RFC 8259) syntax error: `text.length` when the text ends too early,
 * undefined when it is valid. Meant to run after JSON.parse has failed: engines word their errors
 * differently and V8 often gives no position at all ("Unexpected token ',', "…" is not valid
 * JSON"), so the position is found here, the same in every browser. Linear and iterative (an
 * explicit stack), so deep nesting cannot overflow the call stack.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const n = text.length;
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;

  /** Advances over a string starting at text[i] === '"'; false (i at the fault) when it is bad. */
  const scanString = (): boolean => {
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i = Math.min(n, i + 2);
            return false;
          }
          i += 5;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          i++;
        } else {
          i++;
          return false;
        }
      }
    }
    return false;
  };

  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (i >= n) return stack.length === 0 && expect === 'comma-or-close' ? undefined : n;
    const c = text[i];
    if (expect === 'value' || expect === 'value-or-close') {
      if (c === ']' && expect === 'value-or-close') {
        stack.pop();
        i++;
        expect = 'comma-or-close';
      } else if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        expect = c === '{' ? 'key-or-close' : 'value-or-close';
      } else if (c === '"') {
        if (!scanString()) return i;
        expect = 'comma-or-close';
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return i + 1 >= n ? n : i + 1;
        i = NUMBER.lastIndex;
        expect = 'comma-or-close';
      } else {
        const literal = LITERALS.find((word) => word[0] === c);
        if (!literal) return i;
        if (!text.startsWith(literal, i)) return literal.startsWith(text.slice(i)) ? n : i;
        i += literal.length;
        expect = 'comma-or-close';
      }
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (c === '}' && expect === 'key-or-close') {
        stack.pop();
        i++;
        expect = 'comma-or-close';
      } else {
        if (c !== '"' || !scanString()) return i;
        expect = 'colon';
      }
    } else if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i; // text after the top-level value
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
      } else {
        return i;
      }
    }
  }
}
