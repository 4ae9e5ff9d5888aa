/**
 * The components every page under content/ can use without an import: astro.config.mjs hands
 * src/components/NAME.astro for each NAME to astro-auto-import. A new one goes here.
 */
export const PAGE_COMPONENTS = [
  'Cite',
  'CodeRegion',
  'Download',
  'ExperimentTable',
  'ExplorerLink',
  'Figure',
  'IfResult',
  'References',
  'Reproduce',
  'Result',
  'Tally',
  'TraceTable',
  'TrainingExplorer',
] as const;
