/**
 * A dataset as the matrices the equations use: the input matrix X, one example per column,
 * and the one-hot targets Y.
 */
import { Matrix } from './matrix.ts';

/** Number of input pixels of a 3x3 image. */
export const PIXELS = 9;

/** Number of classes: 0 = vertical line, 1 = horizontal line. */
export const CLASSES = 2;

/** The input matrix X (9 x n): column j holds the 9 pixels of images[j], row-major. */
export function inputMatrix(images: readonly (readonly number[])[]): Matrix {
  const X = new Matrix(PIXELS, images.length);
  images.forEach((image, j) => {
    if (image.length !== PIXELS)
      throw new Error(`inputMatrix: image ${j} has ${image.length} pixels, expected ${PIXELS}`);
    image.forEach((pixel, i) => {
      X.data[i * images.length + j] = pixel;
    });
  });
  return X;
}

/** One-hot targets Y (2 x n) from n labels: column j has a 1 in row labels[j] and 0 elsewhere. */
export function oneHot(labels: readonly number[]): Matrix {
  const Y = new Matrix(CLASSES, labels.length);
  labels.forEach((label, j) => {
    if (label !== 0 && label !== 1)
      throw new Error(`oneHot: label ${j} is ${label}, expected 0 or 1`);
    Y.data[label * labels.length + j] = 1;
  });
  return Y;
}
