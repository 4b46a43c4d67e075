import { useEffect, useState } from 'react';
import type { HostInfo } from '../../src/model/protocol';
import type { Bridge } from './bridge';

export type Connection =
  | { status: 'connecting' }
  | { status: 'connected'; host: HostInfo }
  | { status: 'error'; reason: string };

export interface HostState {
  connection: Connection;
  /** The last message the host refused, shown so a mismatch is visible rather than silent. */
  lastRejection?: string;
}

/** Performs the ready/init handshake and tracks host info updates. */
export function useHost(bridge: Bridge): HostState {
  const [state, setState] = useState<HostState>({ connection: { status: 'connecting' } });

  useEffect(() => {
    const unsubscribe = bridge.onMessage((message) => {
      switch (message.type) {
        case 'init':
        case 'hostInfo':
          setState((previous) => ({ ...previous, connection: { status: 'connected', host: message.host } }));
          break;
        case 'rejected':
          setState((previous) => ({
            ...previous,
            lastRejection: `${message.messageType ?? 'message'}: ${message.reason}`,
            connection:
              message.messageType === 'ready' ? { status: 'error', reason: message.reason } : previous.connection,
          }));
          break;
        default:
          break;
      }
    });
    bridge.announceReady();
    return unsubscribe;
  }, [bridge]);

  return state;
}
