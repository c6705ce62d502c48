import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ViewOutput } from '@slack/bolt';
import { deliver, formBody, interactionBody, jsonBody, type OutgoingBody } from './app-client.js';
import { ChannelPace, FaultQueue, seededRandom } from './faults.js';
import type { Json } from './json.js';
import type { MethodContext } from './methods/common.js';
import { type BlockActionInput, blockActionPayload } from './payloads/block-action.js';
import {
  type ShortcutInput,
  type SlashCommandInput,
  shortcutPayload,
  slashCommandPayload,
} from './payloads/command.js';
import { appHomeOpened, eventEnvelope, urlVerification } from './payloads/event.js';
import {
  type ViewClosedInput,
  type ViewSubmissionInput,
  viewClosedPayload,
  viewSubmissionPayload,
} from './payloads/view.js';
import { CallLog } from './recorder.js';
import { showCommandAck } from './response-url.js';
import { createListener } from './server.js';
import { SandboxState, type Workspace } from './state.js';
import type {
  AppReply,
  ChannelFixture,
  Fault,
  FaultRates,
  RecordedCall,
  RecordedResponse,
  SendOptions,
  StoredFile,
  StoredMessage,
  UserFixture,
  ViewStack,
} from './types.js';
import { applySubmissionAck, closeViews } from './view-ack.js';

/** How to start a stand-in; everything but the signing secret has a sandbox default. */
export interface StandInOptions {
  signingSecret: string;
  botToken?: string;
  teamId?: string;
  teamDomain?: string;
  teamName?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Answer a second chat.postMessage to a channel within 1 s with 429 and Retry-After: 1. */
  enforceChannelPace?: boolean;
  /** Slack's clock in milliseconds; Date.now unless a test needs to move time. */
  clock?: () => number;
  /** Draw the random faults from this seed, so each run meets the same ones; Math.random when unset. */
  faultSeed?: string;
}

/** A local Slack: the Web API the app calls, and the signed requests Slack sends the app. */
export class SlackStandIn {
  readonly apiUrl: string;
  readonly botToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  private appUrl: string | undefined;

  private constructor(
    private readonly server: Server,
    private readonly state: SandboxState,
    private readonly log: CallLog,
    private readonly faults: FaultQueue,
    private readonly pace: ChannelPace,
    private readonly clock: () => number,
    readonly baseUrl: string,
    botToken: string,
  ) {
    this.apiUrl = `${baseUrl}/api/`;
    this.botToken = botToken;
    ({
      teamId: this.teamId,
      botUserId: this.botUserId,
      botId: this.botId,
      appId: this.appId,
    } = state.workspace);
  }

  /** Starts a stand-in on 127.0.0.1. */
  static async start(options: StandInOptions): Promise<SlackStandIn> {
    const workspace: Workspace = {
      teamId: options.teamId ?? 'T0SANDBOX1',
      teamDomain: options.teamDomain ?? 'sales-ops-sandbox',
      teamName: options.teamName ?? 'Sales Ops Sandbox',
      appId: options.appId ?? 'A0SALESOPS',
      botId: options.botId ?? 'B0SALESOPS',
      botUserId: options.botUserId ?? 'U0SALESOPS',
      botName: 'sales-ops',
      signingSecret: options.signingSecret,
    };
    const state = new SandboxState(workspace);
    const botToken = options.botToken ?? 'xoxb-sandbox-bot-token';
    state.tokens.add(botToken);
    state.addUser({ id: workspace.botUserId, name: workspace.botName, isBot: true });
    const clock = options.clock ?? Date.now;
    const [log, faults, pace] = [
      new CallLog(),
      new FaultQueue(options.faultSeed === undefined ? Math.random : seededRandom(options.faultSeed)),
      new ChannelPace(options.enforceChannelPace ?? false),
    ];
    let baseUrl = '';
    const context = (): MethodContext => ({ state, now: clock(), baseUrl });
    const server = createServer(createListener({ context, log, faults, pace }));
    // Node closes a connection 5 s after it has handed over a response, even while a slow reader is still taking
    // the body; Slack's file servers keep a paused download open far longer, so the stand-in does too.
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new SlackStandIn(server, state, log, faults, pace, clock, baseUrl, botToken);
  }

  /** Sets where signed requests go, e.g. `http://127.0.0.1:3000/slack/events`. */
  setAppUrl(url: string): void {
    this.appUrl = url;
  }

  /** Adds a workspace member. */
  addUser(u: UserFixture): void {
    this.state.addUser(u);
  }

  /** Adds a channel; the bot is a member unless `botIsMember: false`. */
  addChannel(c: ChannelFixture): void {
    this.state.addChannel(c, this.clock());
  }

  /** Accepts another bot token (e.g. a second installation's). */
  addToken(token: string): void {
    this.state.tokens.add(token);
  }

  /** Turns Slack's one-post-per-second-per-channel pace on or off. */
  setChannelPace(enabled: boolean): void {
    this.pace.enabled = enabled;
  }

  /** A fresh trigger_id for `userId`, as if they had just interacted with the app. */
  issueTriggerId(userId: string): string {
    return this.state.issueTrigger(userId, this.clock());
  }

  /** Every Web API call so far, or those of one method. */
  calls(method?: string): RecordedCall[] {
    return this.log.list(method);
  }

  /** Resolves with the first call of `method` matching `predicate`, already made or made within the timeout. */
  waitForCall(method: string, predicate: (c: RecordedCall) => boolean = () => true, timeoutMs = 2000) {
    return this.log.wait(method, predicate, timeoutMs);
  }

  /** Messages in posting order, thread replies and ephemeral ones included; a user id means the bot's DM with them. */
  messages(channel?: string): StoredMessage[] {
    if (channel === undefined) return [...this.state.messages];
    const id = this.state.resolveChannel(channel, this.clock())?.id ?? channel;
    return this.state.messages.filter((m) => m.channel === id);
  }

  /** Every POST the app made to a response_url. */
  responses(): RecordedResponse[] {
    return [...this.state.responses];
  }

  /** Files whose upload was completed (and files people attached in file inputs). */
  files(): StoredFile[] {
    return [...this.state.files.values()].filter((f) => f.completed);
  }

  /** Open modals, each with its views bottom to top. */
  views(): ViewStack[] {
    return this.state.stacks.map((s) => ({
      userId: s.userId,
      rootViewId: s.rootViewId,
      views: s.viewIds.map((id) => this.state.views.get(id)).filter((v): v is ViewOutput => v !== undefined),
      errors: { ...s.errors },
      ackProblems: [...s.ackProblems],
    }));
  }

  /** The Home tab last published for a user. */
  homeOf(userId: string): ViewOutput | undefined {
    const id = this.state.homes.get(userId);
    return id === undefined ? undefined : this.state.views.get(id);
  }

  /** Makes the next call of `method` fail: HTTP 429 with Retry-After, or `{ ok: false, error }`. */
  failNext(method: string, fault: Fault): void {
    this.faults.add(method, fault);
  }

  /** Makes every later call of `method` meet a random fault at these rates; `reset()` stops it. */
  setFaultRates(method: string, rates: FaultRates): void {
    this.faults.setRates(method, rates);
  }

  /**
   * The form body of a slash command as Slack would send it now (its response_url and trigger_id issued by
   * this stand-in), for a client that signs and sends it itself, such as the ack benchmark's load generator.
   */
  slashCommandBody(input: SlashCommandInput): OutgoingBody {
    return formBody({ ...slashCommandPayload(this.context(), input) });
  }

  /** Sends a signed slash command (form-encoded) to the app; a message in its ack is shown as Slack shows it. */
  async sendSlashCommand(input: SlashCommandInput, options?: SendOptions): Promise<AppReply> {
    const payload = slashCommandPayload(this.context(), input);
    const reply = await this.send(formBody({ ...payload }), options);
    if (reply.status === 200) showCommandAck(this.context(), payload.channel_id, payload.user_id, reply.body);
    return reply;
  }

  /** Sends a signed block_actions payload for an element in a posted message or an open view. */
  async sendBlockAction(input: BlockActionInput, options?: SendOptions): Promise<AppReply> {
    return this.send(interactionBody(blockActionPayload(this.context(), input)), options);
  }

  /** Sends a signed view_submission, then applies the app's ack to the open modal as Slack's client would. */
  async sendViewSubmission(input: ViewSubmissionInput, options?: SendOptions): Promise<AppReply> {
    const payload = viewSubmissionPayload(this.context(), input);
    const reply = await this.send(interactionBody(payload), options);
    applySubmissionAck(this.context(), payload.view.id, reply);
    return reply;
  }

  /** Sends a signed view_closed and closes the view (the whole modal when `isCleared`). */
  async sendViewClosed(input: ViewClosedInput, options?: SendOptions): Promise<AppReply> {
    const payload = viewClosedPayload(this.context(), input);
    const reply = await this.send(interactionBody(payload), options);
    const stack = this.state.stackOf(payload.view.id);
    if (stack) closeViews(this.context(), stack, input.isCleared ?? false);
    return reply;
  }

  /** A person closing a modal's top view: a signed view_closed when the view asks for one, else just closed. */
  async closeView(userId: string, viewId: string): Promise<AppReply | undefined> {
    const stack = this.state.stackOf(viewId);
    const view = this.state.views.get(viewId);
    if (!stack || !view || stack.userId !== userId)
      throw new Error(`User ${userId} has no open view ${viewId}`);
    if (view.notify_on_close) return this.sendViewClosed({ userId, view: viewId });
    closeViews(this.context(), stack, false);
    return undefined;
  }

  /** Sends a signed global shortcut, or a message shortcut when `message` is given. */
  async sendShortcut(input: ShortcutInput, options?: SendOptions): Promise<AppReply> {
    return this.send(interactionBody(shortcutPayload(this.context(), input)), options);
  }

  /** Sends a signed Events API `event_callback` wrapping `event`. */
  async sendEvent(event: Json & { type: string }, options?: SendOptions): Promise<AppReply> {
    return this.send(jsonBody(eventEnvelope(this.context(), event)), options);
  }

  /** Sends the `url_verification` challenge Slack sends when the Events URL is saved. */
  async sendUrlVerification(options?: SendOptions): Promise<AppReply> {
    return this.send(jsonBody(urlVerification()), options);
  }

  /** Sends `app_home_opened` for a user's Home tab. */
  async sendAppHomeOpened(userId: string, options?: SendOptions): Promise<AppReply> {
    return this.sendEvent(appHomeOpened(this.context(), userId), options);
  }

  /** Forgets calls, messages, files, views, responses and queued faults; keeps users, channels and tokens. */
  reset(): void {
    this.state.reset();
    this.log.clear();
    this.faults.clear();
    this.pace.clear();
  }

  /** Stops listening and drops open connections. */
  stop(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private context(): MethodContext {
    return { state: this.state, now: this.clock(), baseUrl: this.baseUrl };
  }

  private async send(body: OutgoingBody, options?: SendOptions): Promise<AppReply> {
    if (!this.appUrl) throw new Error('No app URL: call setAppUrl() before sending requests to the app');
    return deliver(this.appUrl, body, this.state.workspace.signingSecret, this.clock(), options);
  }
}
