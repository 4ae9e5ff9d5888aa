/**
 * Finding a Python that can run the experiments' numpy programs, for the tests that run them.
 * A laptop may have none (the tests then skip, saying what to install); CI installs Debian's
 * python3, python3-numpy and python3-nbformat and sets REQUIRE_PYTHON=1, so there a missing
 * Python fails instead of skipping.
 */
import { spawn, spawnSync } from 'node:child_process';

/** The interpreters tried, in order: $PYTHON, then python3 on the PATH, then Debian's. */
const CANDIDATES = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(
  (c): c is string => c !== undefined && c !== '',
);

/** Whether `python` can import every one of `modules`. */
function canImport(python: string, modules: readonly string[]): boolean {
  const result = spawnSync(python, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' });
  return result.status === 0;
}

/** The first interpreter that imports `modules`, or null. */
export function findPython(modules: readonly string[]): string | null {
  return CANDIDATES.find((python) => canImport(python, modules)) ?? null;
}

/** Whether the environment demands that the Python tests run (CI does). */
export const PYTHON_REQUIRED = process.env.REQUIRE_PYTHON === '1';

/** What to install for `modules`, as a sentence for a skipped test's title. */
export function installHint(modules: readonly string[]): string {
  const debian = ['python3', ...modules.map((m) => `python3-${m}`)].join(' ');
  return `no python3 that imports ${modules.join(' and ')} (tried ${CANDIDATES.join(', ')}): install them, e.g. apt-get install ${debian}`;
}

/** What a finished Python process printed, and its exit code. */
export interface PythonOutput {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `python args` in `cwd` and collects what it prints. */
export function runPython(python: string, args: string[], cwd: string): Promise<PythonOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Python code that runs the code cells of the notebook named by sys.argv[1] in order, in one
 * namespace (as Jupyter's "Run All" does), then prints as the last line the JSON of the
 * expression sys.argv[2] evaluated there, as_json() by default.
 */
export const RUN_NOTEBOOK = `
import json, sys
notebook = json.load(open(sys.argv[1], encoding="utf-8"))
namespace = {"__name__": "__notebook__"}
for number, cell in enumerate(notebook["cells"]):
    if cell["cell_type"] == "code":
        exec(compile("".join(cell["source"]), f"cell {number}", "exec"), namespace)
print(json.dumps(eval(sys.argv[2] if len(sys.argv) > 2 else "as_json()", namespace)))
`;

/** Python code that validates each notebook named in sys.argv[1:] against nbformat's schema. */
export const VALIDATE_NOTEBOOKS = `
import sys
import nbformat
for path in sys.argv[1:]:
    nbformat.validate(nbformat.read(path, as_version=4))
    print("valid", path)
`;
