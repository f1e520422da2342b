import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { ComponentChildren } from 'preact';

/**
 * A note's Markdown, rendered as Preact elements from the mdast tree: never through an HTML string, and raw HTML
 * in the note stays visible text. Links keep only http(s) and mailto targets.
 */
interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  checked?: boolean | null;
  url?: string;
  children?: MdNode[];
}

const SAFE_URL = /^(https?:|mailto:)/i;

function render(node: MdNode, key: number | string): ComponentChildren {
  const kids = () => node.children?.map((c, i) => render(c, i));
  switch (node.type) {
    case 'root':
      return <>{kids()}</>;
    case 'paragraph':
      return <p key={key}>{kids()}</p>;
    case 'text':
    case 'html': // shown as text, never parsed
      return node.value;
    case 'emphasis':
      return <em key={key}>{kids()}</em>;
    case 'strong':
      return <strong key={key}>{kids()}</strong>;
    case 'delete':
      return <del key={key}>{kids()}</del>;
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'code':
      return (
        <pre key={key}>
          <code>{node.value}</code>
        </pre>
      );
    case 'heading': {
      // Notes live under the page's own headings: a note's "#" is a level-4 heading at most.
      const Tag = (['h4', 'h4', 'h5', 'h6', 'h6', 'h6'] as const)[Math.min((node.depth ?? 1) - 1, 5)]!;
      return <Tag key={key}>{kids()}</Tag>;
    }
    case 'blockquote':
      return <blockquote key={key}>{kids()}</blockquote>;
    case 'list':
      return node.ordered ? <ol key={key}>{kids()}</ol> : <ul key={key}>{kids()}</ul>;
    case 'listItem':
      return (
        <li key={key}>
          {node.checked != null && <input type="checkbox" checked={node.checked} disabled aria-label={node.checked ? 'done' : 'not done'} />}
          {node.children?.length === 1 && node.children[0]!.type === 'paragraph' ? node.children[0]!.children?.map((c, i) => render(c, i)) : kids()}
        </li>
      );
    case 'link':
      return SAFE_URL.test(node.url ?? '') ? (
        <a key={key} href={node.url} target="_blank" rel="noopener noreferrer">
          {kids()}
        </a>
      ) : (
        <span key={key}>{kids()}</span>
      );
    case 'break':
      return <br key={key} />;
    case 'thematicBreak':
      return <hr key={key} />;
    case 'table':
      return (
        <table key={key}>
          <tbody>{kids()}</tbody>
        </table>
      );
    case 'tableRow':
      return <tr key={key}>{kids()}</tr>;
    case 'tableCell':
      return <td key={key}>{kids()}</td>;
    default:
      return node.children ? <>{kids()}</> : (node.value ?? null);
  }
}

export function Markdown({ text }: { text: string }) {
  let tree: MdNode;
  try {
    // GFM: researchers write task lists, tables and ~~strikethrough~~ in notes.
    tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdNode;
  } catch {
    return <p>{text}</p>;
  }
  return <div class="markdown">{render(tree, 'root')}</div>;
}
