/** The part of az's API this project uses (az ships no types). */
declare module "az" {
  export interface Tag {
    POST: string;
    [grammeme: string]: unknown;
  }
  export interface Parse {
    word: string;
    tag: Tag;
    score: number;
    parser: string;
    normalize(): Parse;
  }
  interface MorphConfig {
    ignoreCase?: boolean;
    stutter?: number;
    typos?: number | "auto";
    parsers?: string[];
  }
  interface MorphFunction {
    (word: string, config?: MorphConfig): Parse[];
    init(path: string, callback: (error: unknown) => void): void;
  }
  const Az: { Morph: MorphFunction };
  export default Az;
}
