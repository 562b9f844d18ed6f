import { Fragment } from 'react';
import { parseMessage, type Inline } from '../../src-shared/campaigns/index';

/** A message's Markdown subset as elements (never as HTML), variables shown as chips. */
export function RichMessage({ text, fill }: { text: string; fill?: (variable: string) => string | undefined }) {
  const blocks = parseMessage(text);
  return (
    <>
      {blocks.map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>
            <Inlines items={block.children} fill={fill} />
          </p>
        ) : block.ordered ? (
          <ol key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Inlines items={item} fill={fill} />
              </li>
            ))}
          </ol>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Inlines items={item} fill={fill} />
              </li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

function Inlines({ items, fill }: { items: Inline[]; fill?: ((variable: string) => string | undefined) | undefined }) {
  return (
    <>
      {items.map((item, i) => {
        switch (item.type) {
          case 'text':
            return <Fragment key={i}>{item.text}</Fragment>;
          case 'break':
            return <br key={i} />;
          case 'code':
            return <code key={i}>{item.text}</code>;
          case 'strong':
            return (
              <strong key={i}>
                <Inlines items={item.children} fill={fill} />
              </strong>
            );
          case 'em':
            return (
              <em key={i}>
                <Inlines items={item.children} fill={fill} />
              </em>
            );
          case 'link':
            return (
              <a key={i} href={item.href} target="_blank" rel="noreferrer noopener" onClick={(event) => event.preventDefault()}>
                <Inlines items={item.children} fill={fill} />
              </a>
            );
          case 'variable': {
            const value = fill?.(item.name);
            return value !== undefined ? (
              <Fragment key={i}>{value}</Fragment>
            ) : (
              <span key={i} className="var-chip" title={`Filled in for each visitor: {{ ${item.name} }}`}>
                {item.name.replace(/^contact\./, '')}
              </span>
            );
          }
        }
      })}
    </>
  );
}
