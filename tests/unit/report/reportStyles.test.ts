import { describe, expect, it } from 'vitest';
import { reportCss } from '../../../src/report/reportStyles';

describe('the report’s CSS: a community name cannot get out of its string', () => {
  it('escapes every control character (a form feed ends a CSS string as a newline does)', () => {
    for (let code = 0; code < 0x20; code++) {
      const css = reportCss(`景和${String.fromCharCode(code)}} body { display: none } x{`);
      const footer = /content: (".*?"); font/s.exec(css)?.[1] ?? '';
      // eslint-disable-next-line no-control-regex
      expect(footer, `U+${code.toString(16).padStart(4, '0')}`).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
  });

  it('keeps the name readable: quotes, backslashes and "<" escaped, the rest as it is', () => {
    expect(reportCss('A "B" \\ </style>')).toContain('content: "A \\"B\\" \\\\ \\3c /style>"');
  });
});
