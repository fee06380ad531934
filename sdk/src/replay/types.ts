/** What the core gives the replay recorder (types only: the core bundle imports no replay code). */
export interface ReplayHost {
  applicationId: string;
  /** Intake origin; replay segments go to `${origin}/v1/write/rum/replay`. */
  origin: string;
  /** Session and view the recording belongs to, at a time. */
  getInternalContext: (startTime?: number) => unknown;
}

export interface RecorderModule {
  startRecording(host: ReplayHost): { stop(): void };
}
