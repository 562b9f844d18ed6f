/** Thrown inside {@link locateJsonError} to stop at the first fault; never escapes it. */
class Fault extends Error {}

const SIMPLE_ESCAPES = '"\\/bfnrt';

/**
 * Where JSON text first goes wrong, as line and column (1-based), for error messages.
 * V8's own message does not always say (Node 20: "Unexpected token '}' ... is not valid JSON").
 * Only called after JSON.parse has failed. It keeps its own stack of open objects and lists
 * instead of recursing, so no nesting depth can overflow it, and it checks what JSON.parse
 * checks inside strings (escapes, raw control characters), so the place it names is the fault.
 */
export function locateJsonError(text: string): { offset: number; line: number; column: number; expected: string } {
  let i = 0;
  let expected = 'a value';
  const open: ('{' | '[')[] = [];
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (what: string): never => {
    expected = what;
    throw new Fault();
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('a closing quote');
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c === '\\') {
        const next = text[i + 1];
        if (next === undefined) fail('a closing quote');
        if (SIMPLE_ESCAPES.includes(next!)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t, or \\u and four hex digits)');
      } else if (text.charCodeAt(i) < 0x20) fail('the end of the string (raw line breaks and control characters are not allowed in strings)');
      else i++;
    }
  };
  const key = () => {
    ws();
    if (text[i] !== '"') fail('a quoted property name');
    string();
    ws();
    if (text[i] !== ':') fail('":" after the property name');
    i++;
  };
  try {
    let wantValue = true;
    for (;;) {
      ws();
      if (wantValue) {
        const c = text[i];
        wantValue = false;
        if (c === '{') {
          i++;
          ws();
          if (text[i] === '}') i++;
          else {
            open.push('{');
            key();
            wantValue = true;
          }
        } else if (c === '[') {
          i++;
          ws();
          if (text[i] === ']') i++;
          else {
            open.push('[');
            wantValue = true;
          }
        } else if (c === '"') string();
        else {
          literal.lastIndex = i;
          const m = literal.exec(text);
          if (!m) fail('a value (string, number, object, list, true, false or null)');
          i += m![0].length;
        }
        continue;
      }
      const top = open[open.length - 1];
      if (!top) break;
      if (text[i] === ',') {
        i++;
        if (top === '{') key();
        wantValue = true;
      } else if (text[i] === (top === '{' ? '}' : ']')) {
        i++;
        open.pop();
      } else fail(top === '{' ? '"," or "}"' : '"," or "]"');
    }
    if (i < text.length) fail('the end of the file');
  } catch (e) {
    if (!(e instanceof Fault)) throw e;
    // `i` and `expected` say where and what.
  }
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return { offset: i, line, column: i - before.lastIndexOf('\n'), expected };
}
