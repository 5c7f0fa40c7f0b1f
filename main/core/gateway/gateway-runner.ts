// The app's gateway: running while the setting is on and some tool has a token, on the port the
// settings name — started, stopped and moved as the config changes, whoever changed it. What it
// is doing, and what the tools spent today, is told to the state publisher for the tray and the
// window. No Electron here.
import { usageReport } from './usage-report.js';
import type { Config } from '../config/config-schema.js';
import { isMskError, messageOf } from '../base/errors.js';
import type { PriceCurrency } from '../model-studio/catalog.js';
import type { Services } from '../keys/services.js';
import { type GatewayEvent, type RunningGateway, startGateway } from './gateway-server.js';
import { localDay, UsageStore } from './usage-store.js';

export type GatewayStatus =
  | { state: 'off' }
  | { state: 'running'; port: number; url: string }
  | { state: 'failed'; port: number; message: string };

/** What the tools used through the gateway today (local day). */
export interface GatewayToday {
  requests: number;
  cost: Partial<Record<PriceCurrency, number>>;
}

export interface GatewayRunnerOptions {
  /** Told whenever the status or today's usage changes. */
  onChange(status: GatewayStatus, today: GatewayToday): void;
  onEvent?: (event: GatewayEvent) => void;
  /** How long counts wait in memory before usage.json is written (and today's total told). */
  flushDelayMs?: number;
}

/** The gateway the config asks for: on the configured port, or none. */
export const wantedGateway = (config: Config): number | undefined =>
  config.settings.gatewayEnabled && config.gateway.tokens.length > 0
    ? config.settings.gatewayPort
    : undefined;

export class GatewayRunner {
  private running: RunningGateway | undefined;
  private current: GatewayStatus = { state: 'off' };
  private today: GatewayToday = { requests: 0, cost: {} };
  private config: Config | undefined;
  private queue: Promise<void> = Promise.resolve();
  readonly usage: UsageStore;

  constructor(
    private readonly services: Services,
    private readonly options: GatewayRunnerOptions,
  ) {
    this.usage = new UsageStore(services.environment.dataDirectory, {
      flushDelayMs: options.flushDelayMs ?? 1000,
      onProblem: (problem) => options.onEvent?.({ kind: 'problem', message: problem.message }),
      onFlushed: () => void this.tally(),
    });
  }

  status(): GatewayStatus {
    return this.current;
  }

  /** Reads the config and follows it; a file that cannot be read leaves the gateway as it is (the views show why). */
  followConfig(): Promise<void> {
    return this.services.config.read().then(
      (config) => this.follow(config),
      () => undefined,
    );
  }

  /** Starts, stops or moves the gateway to match `config`; one change at a time, in order. */
  follow(config: Config): Promise<void> {
    this.config = config;
    this.queue = this.queue.then(() => this.apply(config)).catch(() => undefined);
    return this.queue;
  }

  /** Stops the gateway (quitting): its usage is written. `follow` starts it again. */
  close(): Promise<void> {
    this.queue = this.queue.then(async () => {
      await this.stop();
      if (this.current.state !== 'off') this.set({ state: 'off' });
    });
    return this.queue;
  }

  private async apply(config: Config): Promise<void> {
    const port = wantedGateway(config);
    const now = this.current;
    const same = port !== undefined && now.state !== 'off' && now.port === port;
    // A failed start is tried again on the next change (the other gateway may have stopped).
    if (same && now.state === 'running') return this.tally();
    await this.stop();
    if (port === undefined) return this.set({ state: 'off' });
    try {
      this.running = await startGateway({
        services: this.services,
        usage: this.usage,
        port,
        ...(this.options.onEvent && { onEvent: this.options.onEvent }),
      });
      this.set({ state: 'running', port: this.running.port, url: this.running.url });
    } catch (error) {
      this.set({ state: 'failed', port, message: isMskError(error) ? error.message : messageOf(error) });
    }
    await this.tally();
  }

  private async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.close();
  }

  private set(status: GatewayStatus): void {
    this.current = status;
    this.options.onChange(this.current, this.today);
  }

  /** Today's requests and estimated cost, from usage.json and what waits in memory. */
  private async tally(): Promise<void> {
    if (!this.config) return;
    try {
      const report = usageReport(this.config, await this.usage.read(), 'tool', localDay(new Date()));
      const today = { requests: report.total.requests, cost: report.total.cost };
      if (JSON.stringify(today) === JSON.stringify(this.today)) return;
      this.today = today;
      this.options.onChange(this.current, this.today);
    } catch {
      // A damaged usage file is set aside by the next write; until then today's figure stays.
    }
  }
}
