/**
 * How long each function of a file is, as the TypeScript compiler parses it: every function,
 * method, arrow function and accessor with a body, from its first line to its last.
 */
import ts from 'typescript';

/** A function and its length in lines. */
export interface FunctionLength {
  /** Its name, or what it is assigned to; "(anonymous)" for a callback. */
  name: string;
  /** The line its declaration starts on (1-based). */
  line: number;
  lines: number;
}

/** The name a function is known by: its own, or the variable or property it is assigned to. */
function functionName(node: ts.SignatureDeclaration): string {
  if (node.name !== undefined) return node.name.getText();
  const { parent } = node;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))
    return parent.name.getText();
  return '(anonymous)';
}

/** Every function with a body in `text` (the source of `fileName`), with its length. */
export function functionLengths(fileName: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lengths: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      lengths.push({ name: functionName(node), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lengths;
}
