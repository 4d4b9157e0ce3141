import type { ComponentProps } from 'react';

/** A form whose submit stays on the page: the browser's own submission is prevented, `onSubmit` sends it instead. */
export function Form({ onSubmit, ...props }: Omit<ComponentProps<'form'>, 'onSubmit'> & { onSubmit: () => void }) {
  return (
    <form
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    />
  );
}
