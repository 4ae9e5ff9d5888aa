/**
 * A numpy program (program.ts) as a Jupyter notebook, NAME.ipynb (nbformat 4.5): a text cell
 * per step that names the tutorial's section it follows, then the step's code in a cell of its
 * own, so the notebook runs top to bottom like the script. The cells carry no outputs.
 */
import type { ProgramSection, PythonProgram } from './program.ts';

/** A notebook cell as nbformat 4.5 stores it: its source as a list of lines, each but the last ending in a newline. */
interface Cell {
  cell_type: 'markdown' | 'code';
  id: string;
  metadata: Record<string, never>;
  source: string[];
  execution_count?: null;
  outputs?: [];
}

/** `text` split into the lines nbformat stores, the newlines kept. */
function sourceLines(text: string): string[] {
  return text.split('\n').map((line, k, all) => (k < all.length - 1 ? `${line}\n` : line));
}

function markdownCell(id: string, text: string): Cell {
  return { cell_type: 'markdown', id, metadata: {}, source: sourceLines(text) };
}

function codeCell(id: string, code: string): Cell {
  return {
    cell_type: 'code',
    execution_count: null,
    id,
    metadata: {},
    outputs: [],
    source: sourceLines(code),
  };
}

/** Where a step comes from, as Markdown: 'It follows *The data* in the tutorial.' */
function followsMarkdown(section: ProgramSection): string {
  const names = section.follows.map((s) => `*${s.heading}*`);
  return names.length === 0 ? '' : ` It follows ${names.join(' and ')} in the tutorial.`;
}

/** The program as the text of NAME.ipynb (JSON, indented as Jupyter writes it). */
export function pythonNotebook(program: PythonProgram): string {
  const cells: Cell[] = [
    markdownCell(
      'title',
      [
        `# ${program.title}`,
        ...program.about,
        'Run the cells from top to bottom: the last one prints the table.',
      ].join('\n\n'),
    ),
    codeCell('settings', program.imports),
  ];
  program.sections.forEach((section, k) => {
    const id = `step-${k + 1}`;
    cells.push(
      markdownCell(
        `${id}-text`,
        `## ${k + 1}. ${section.title}\n\n${section.note}${followsMarkdown(section)}`,
      ),
      codeCell(`${id}-code`, section.code),
    );
  });
  cells.push(codeCell('table', program.notebookEnd));
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
