/** Whether the output understands colour and hyperlink escapes. */
export interface TerminalStyle {
  rich: boolean;
}

// Control characters in content or queries could move the cursor or fake a hyperlink.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text from content or a user, made safe to print on a terminal. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** Bold text on a rich terminal, plain elsewhere. */
export function bold(text: string, style: TerminalStyle): string {
  return style.rich ? `\u001b[1m${terminalSafe(text)}\u001b[22m` : terminalSafe(text);
}

/** Dimmed text on a rich terminal, plain elsewhere. */
export function dim(text: string, style: TerminalStyle): string {
  return style.rich ? `\u001b[2m${terminalSafe(text)}\u001b[22m` : terminalSafe(text);
}

/** A clickable link (OSC 8) on a rich terminal; the URL itself is always printed so any terminal can open it. */
export function link(url: string, style: TerminalStyle): string {
  const safe = terminalSafe(url);
  return style.rich ? `\u001b]8;;${safe}\u001b\\${safe}\u001b]8;;\u001b\\` : safe;
}
