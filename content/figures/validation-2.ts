/** Validation set 2 of the tutorial's experiment with the trained network's predictions: each image's true class, prediction and probability. */
import { validationFigure } from '../../src/figures/dataset-figures.ts';

export default validationFigure(1);
