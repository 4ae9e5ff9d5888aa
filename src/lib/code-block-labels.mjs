// @ts-check
/**
 * An Expressive Code plugin that gives every code block's <pre> an accessible name. A listing too
 * wide for the screen becomes a scrolling region (Expressive Code's script makes it focusable,
 * with role="region"), and regions without names of their own cannot be told apart: assistive
 * technology lists them all as "region" (axe's landmark-unique). The name is the block's `label`
 * meta option when it has one (CodeRegion gives the region and the file), else its title, else
 * its first line of code. Plain JavaScript: ec.config.mjs, which loads it, is loaded by Node.
 */
import { definePlugin } from '@astrojs/starlight/expressive-code';
import { select } from '@astrojs/starlight/expressive-code/hast';

/** The first non-empty line of `code`, shortened to about 60 characters. */
function firstLine(/** @type {string} */ code) {
  const line = code
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (line === undefined) return 'empty';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

export function codeBlockLabels() {
  return definePlugin({
    name: 'Code block labels',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const pre = select('pre', renderData.blockAst);
        if (pre === undefined) return;
        const title = codeBlock.props.title;
        const name =
          codeBlock.metaOptions.getString('label') ??
          (title !== undefined && title !== '' ? title : firstLine(codeBlock.code));
        // A group may be named (a bare <pre> may not); a listing wide enough to scroll becomes a
        // region instead (Expressive Code's script), with the same name. (That script, should the
        // listing stop scrolling, say when a phone turns, takes the role away with the tabindex,
        // leaving the name on a bare <pre> until the page is loaded again.)
        pre.properties.role = 'group';
        pre.properties.ariaLabel = `Code: ${name}`;
      },
    },
  });
}
