import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface RouterLinkProps {
  /** A route of the hash router, e.g. `paths.record('COL-0042')`. */
  readonly to: string;
  readonly children: ReactNode;
  readonly className?: string;
  readonly 'aria-label'?: string;
  readonly 'aria-current'?: 'page';
  readonly inline?: boolean;
  readonly title?: string;
}

/** A Fluent link to one of the tab's pages (a real link: it can be opened in a new tab or copied). */
export function RouterLink({ to, children, ...rest }: RouterLinkProps) {
  return (
    <Link href={to} {...rest}>
      {children}
    </Link>
  );
}
