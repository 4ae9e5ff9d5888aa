/**
 * A numpy program (program.ts) as one Python file, NAME.py: a docstring that says how to run
 * it, then each step under a numbered comment that names the tutorial's section it follows.
 */
import type { ProgramSection, PythonProgram } from './program.ts';

/** The widest a comment line gets, as in most Python style guides' longer setting. */
const COMMENT_WIDTH = 88;

/** Where a step comes from in the tutorial, in words: 'Follows "The data" (#the-data) in the tutorial.' */
function followsText(section: ProgramSection): string {
  const names = section.follows.map((s) => `"${s.heading}" (${s.anchor})`);
  return names.length === 0 ? '' : `Follows ${names.join(' and ')} in the tutorial.`;
}

/** One step: its numbered title, where it comes from and what it does, then its code. */
function sectionText(section: ProgramSection, number: number): string {
  const header = commentLines(`${number}. ${section.title}`);
  const about = commentLines(`${followsText(section)} ${section.note}`);
  return [...header, '#', ...about, '', section.code].join('\n');
}

/** `text` broken between words into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `text` as "# " comment lines of at most COMMENT_WIDTH characters. */
function commentLines(text: string): string[] {
  return wrap(text, COMMENT_WIDTH - 2).map((line) => `# ${line}`);
}

/** The docstring's text: the title, the paragraphs about the program, and how to run it. */
function docstring(program: PythonProgram): string {
  const paragraphs = program.about.map((p) => wrap(p, COMMENT_WIDTH).join('\n'));
  const usage = program.usage.map((line) => `    ${line}`).join('\n');
  return [program.title, ...paragraphs, usage].join('\n\n');
}

/** The program as the text of NAME.py. */
export function pythonScript(program: PythonProgram): string {
  const parts = [
    `#!/usr/bin/env python3\n"""${docstring(program)}\n"""\n${program.imports}`,
    ...program.sections.map((section, k) => sectionText(section, k + 1)),
    program.scriptEnd,
  ];
  return `${parts.join('\n\n\n')}\n`;
}
