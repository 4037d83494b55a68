import type { SocketModeClient } from '@slack/socket-mode';

/**
 * Socket Mode reconnects by calling its own `start()` and leaves a failure of it unhandled: an
 * app token revoked while the bot runs (`invalid_auth`) or Slack out of reach then ended the
 * process with an unhandled rejection. After the first start, a failed start is handed to
 * `onFailure` instead, which decides how the bot stops.
 */
export function catchReconnectFailures(
  socket: SocketModeClient,
  onFailure: (error: unknown) => void,
): void {
  const start = socket.start.bind(socket);
  let started = false;
  socket.start = async () => {
    if (!started) {
      const connection = await start();
      started = true;
      return connection;
    }
    try {
      return await start();
    } catch (error) {
      onFailure(error);
      return undefined as unknown as Awaited<ReturnType<SocketModeClient['start']>>;
    }
  };
}
