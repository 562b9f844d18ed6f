/**
 * Where JSON text first goes wrong, as line and column (1-based), for error messages.
 * V8's own message does not always say (Node 20: "Unexpected token '}' ... is not valid JSON").
 * Only called after JSON.parse has failed, so it may be simple rather than fast.
 */
export function locateJsonError(text: string): { offset: number; line: number; column: number; expected: string } {
  let i = 0;
  let expected = 'a value';
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (what: string): never => {
    expected = what;
    throw new Error();
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a quoted property name');
        string();
        ws();
        if (text[i] !== ':') fail('":" after the property name');
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('"," or "]"');
      }
    }
    if (c === '"') return string();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!lit) fail('a value (string, number, object, list, true, false or null)');
    i += lit![0].length;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('the end of the string (raw line breaks are not allowed in strings)');
      i++;
    }
    if (i >= text.length) fail('a closing quote');
    i++;
  };
  try {
    value();
    ws();
    if (i < text.length) fail('the end of the file');
  } catch {
    // `i` and `expected` say where and what.
  }
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return { offset: i, line, column: i - before.lastIndexOf('\n'), expected };
}
