/** What a result area says while it loads, when a request failed, or before there is anything to ask. */
import type { ComponentChildren } from 'preact';

export function Loading({ active }: { active: boolean }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      {active ? 'Calculating…' : ''}
    </p>
  );
}

export function GeneralErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div class="general-errors" role="alert">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function EmptyState({ children }: { children: ComponentChildren }) {
  return <div class="empty-state">{children}</div>;
}
