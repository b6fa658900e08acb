/** One benchmark figure, printed by `npm run bench` as `name: value unit`. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}
