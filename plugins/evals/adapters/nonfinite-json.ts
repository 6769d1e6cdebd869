/**
 * Inspect writes non-finite floats as the bare constants `NaN`, `Infinity` and `-Infinity` (its
 * unscored sentinel is NaN), which JSON parsers reject. This rewrites them, outside strings, as
 * the strings `"NaN"`, `"Infinity"` and `"-Infinity"`, chunk by chunk: a token split between two
 * chunks is held back until the next one. Hand-written because it is a tokenizer detail of one
 * producer, not general JSON repair.
 */
export class NonFiniteJson {
  private inString = false;
  private escaped = false;
  private held = '';

  push(chunk: string): string {
    const text = this.held + chunk;
    this.held = '';
    if (text.indexOf('NaN') < 0 && text.indexOf('Infinity') < 0 && !/[NIa-y-]$/.test(text)) {
      this.track(text, 0, text.length);
      return text;
    }
    let out = '';
    let from = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === 92) this.escaped = true;
        else if (code === 34) this.inString = false;
        continue;
      }
      if (code === 34) {
        this.inString = true;
        continue;
      }
      if (code === 78 || code === 73 || code === 45) {
        const rest = text.slice(index, index + 9);
        const token = rest.startsWith('NaN') ? 'NaN' : rest.startsWith('Infinity') ? 'Infinity' : rest.startsWith('-Infinity') ? '-Infinity' : null;
        if (token) {
          out += text.slice(from, index) + JSON.stringify(token);
          index += token.length - 1;
          from = index + 1;
          continue;
        }
        // Maybe the start of a token the next chunk completes.
        if (index + 9 > text.length && ['NaN', 'Infinity', '-Infinity'].some((candidate) => candidate.startsWith(rest))) {
          out += text.slice(from, index);
          this.held = text.slice(index);
          return out;
        }
      }
    }
    return out + text.slice(from);
  }

  /** Whatever was held back at the end of the input. */
  end(): string {
    const rest = this.held;
    this.held = '';
    return rest;
  }

  private track(text: string, start: number, end: number): void {
    for (let index = start; index < end; index++) {
      const code = text.charCodeAt(index);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === 92) this.escaped = true;
        else if (code === 34) this.inString = false;
      } else if (code === 34) this.inString = true;
    }
  }
}

/** One whole JSON text with Inspect's non-finite constants made parseable. */
export function parseInspectJson(text: string): unknown {
  const sanitizer = new NonFiniteJson();
  return JSON.parse(sanitizer.push(text) + sanitizer.end());
}
