import { getJson, postJson } from './http.js';

/** The simulated carrier's virtual phone API (`/api/simulator`, simulated carrier only). */

export type SimulatedCallState = 'ringing' | 'in-progress' | 'ended';
export type SimulatedCallOutcome = 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';

export interface SimulatedCall {
  sid: string;
  to: string;
  from: string;
  state: SimulatedCallState;
  outcome?: SimulatedCallOutcome;
  transcript: string[];
  awaitingKey: boolean;
  startedAt: string;
}

export interface VirtualPhoneNumber {
  number: string;
  label: string;
  lastCalledAt?: string;
}

export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

export const listNumbers = () => getJson<VirtualPhoneNumber[]>('/api/simulator/numbers');

export type CallAction = 'answer' | 'decline' | 'hangup';

export const act = (sid: string, action: CallAction) =>
  postJson<SimulatedCall>(`/api/simulator/calls/${encodeURIComponent(sid)}/${action}`);

export const pressKey = (sid: string, key: string) =>
  postJson<SimulatedCall>(`/api/simulator/calls/${encodeURIComponent(sid)}/keys`, { key });
