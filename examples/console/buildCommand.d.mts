/** The command that builds the demo console (buildCommand.mjs). */
export declare function consoleBuildCommand(outDir?: string): {
  command: string;
  args: string[];
  options: { cwd: string; env: NodeJS.ProcessEnv };
};
