// The live risk feed: one SignalR connection to /hubs/risk that receives "flagRaised" for the groups
// the user's token allows (the server picks them), shows its state in #live-status, and never gives up
// reconnecting while the page is open.
import { t, onLanguageChange } from './i18n.js';
import { getToken } from './session.js';

const HUB_PATH = '/hubs/risk';
const MAX_DELAY_MS = 30_000;

function retryDelay(previousRetryCount) {
  // 0 s, 1 s, 2 s, 4 s … capped at 30 s, with jitter so a restarted server is not stampeded.
  if (previousRetryCount === 0) {
    return 0;
  }
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(previousRetryCount - 1, 5));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

// The client wraps a refused negotiation in an error that keeps only the status in its message.
function isUnauthorized(error) {
  return error?.statusCode === 401 || /\b401\b/.test(String(error?.message ?? error ?? ''));
}

/** Shows the connection state in an element: data-state = connecting | connected | reconnecting | disconnected. */
export function statusIndicator(element) {
  let state = 'connecting';
  const render = () => {
    element.dataset.state = state;
    element.setAttribute('title', t('live.title'));
    const label = element.querySelector('.live-label') ?? element;
    label.textContent = t(`live.${state}`);
  };
  onLanguageChange(render);
  render();
  return (next) => {
    state = next;
    render();
  };
}

/**
 * Connects and keeps connected. onFlag(flag) gets each RiskFlag, onCase(notice) each case notice
 * ("caseChanged": a request for the enterprise, an answer for the inspectors); onResync() runs after a reconnect so
 * the page can fetch what it missed; onUnauthorized() when the server refuses the token.
 * Returns { stop() }.
 */
export function connectRiskFeed({ onFlag, onCase, onStatus, onResync, onUnauthorized }) {
  const signalR = globalThis.signalR;
  if (!signalR) {
    onStatus('disconnected');
    return { stop: async () => {}, unavailable: true };
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(HUB_PATH, { accessTokenFactory: () => getToken() ?? '' })
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (context) => {
        lastError = context.retryReason;
        // Retrying with a token the server refuses, or none at all, cannot succeed: stop and say so.
        return getToken() && !isUnauthorized(context.retryReason) ? retryDelay(context.previousRetryCount) : null;
      },
    })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  let stopped = false;
  let attempt = 0;
  let timer = null;
  let lastError = null;

  function refused() {
    stopped = true;
    onStatus('disconnected');
    onUnauthorized?.();
  }

  connection.on('flagRaised', (flag) => {
    if (flag && typeof flag === 'object') {
      onFlag?.(flag);
    }
  });
  connection.on('caseChanged', (notice) => {
    if (notice && typeof notice === 'object') {
      onCase?.(notice);
    }
  });
  connection.onreconnecting(() => onStatus('reconnecting'));
  connection.onreconnected(() => {
    onStatus('connected');
    onResync?.();
  });
  connection.onclose((error) => {
    if (stopped) {
      return;
    }
    if (!getToken() || isUnauthorized(error ?? lastError)) {
      refused();
      return;
    }
    // Automatic reconnect gave up (or the connection closed before it applied): start over.
    onStatus('reconnecting');
    schedule();
  });

  async function start() {
    timer = null;
    if (stopped) {
      return;
    }
    if (!getToken()) {
      refused();
      return;
    }
    try {
      await connection.start();
      const resumed = attempt > 0;
      attempt = 0;
      onStatus('connected');
      if (resumed) {
        onResync?.();
      }
    } catch (error) {
      if (isUnauthorized(error)) {
        refused();
        return;
      }
      onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
      schedule();
    }
  }

  function schedule() {
    if (timer !== null || stopped) {
      return;
    }
    attempt += 1;
    timer = setTimeout(start, Math.max(1000, retryDelay(attempt)));
  }

  onStatus('connecting');
  start();

  return {
    async stop() {
      stopped = true;
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      await connection.stop();
      onStatus('disconnected');
    },
  };
}
