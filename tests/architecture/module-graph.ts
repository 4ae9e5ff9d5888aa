/**
 * The project's module graph as the TypeScript compiler sees it: every import, export-from and
 * dynamic import of every TypeScript file, type-only ones included, resolved with the compiler's
 * own module resolution and the project's tsconfig.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import ts from 'typescript';

/** Files (relative to the project root, with /) and, for each, the project files it imports. */
export type ModuleGraph = Map<string, string[]>;

/** The project's tsconfig.json as the compiler reads it: its files (absolute paths) and options. */
export function projectConfig(projectRoot: string): ts.ParsedCommandLine {
  const configPath = ts.findConfigFile(projectRoot, ts.sys.fileExists, 'tsconfig.json');
  if (configPath === undefined) throw new Error(`no tsconfig.json in ${projectRoot}`);
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
}

/** The graph of the TypeScript files named in the project's tsconfig.json. */
export function projectModuleGraph(projectRoot: string): ModuleGraph {
  const parsed = projectConfig(projectRoot);
  const name = (file: string) => relative(projectRoot, file).split('\\').join('/');
  const files = parsed.fileNames.filter(
    (file) => /\.[mc]?tsx?$/.test(file) && !file.endsWith('.d.ts'),
  );
  const graph: ModuleGraph = new Map();
  for (const file of files) {
    const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    const targets = new Set<string>();
    for (const { fileName: specifier } of imported) {
      const resolved = ts.resolveModuleName(specifier, file, parsed.options, ts.sys).resolvedModule;
      if (resolved === undefined || resolved.isExternalLibraryImport) continue;
      const target = name(resolved.resolvedFileName);
      if (!target.startsWith('..') && !target.includes('node_modules/')) targets.add(target);
    }
    graph.set(name(file), [...targets].sort());
  }
  return graph;
}

/** Every cycle of the graph, as the files of one strongly connected component (Tarjan's algorithm); a file importing itself counts. */
export function findCycles(graph: ModuleGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file))
      cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** The files reachable from `start` through imports, `start` itself left out unless a cycle leads back to it. */
export function reachableFrom(graph: ModuleGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [...(graph.get(start) ?? [])];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...(graph.get(file) ?? []));
  }
  return seen;
}
