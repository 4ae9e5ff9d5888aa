/**
 * The tutorial's algorithm as a Python program for one experiment: numpy and the standard library
 * only, in sections that follow the tutorial's (data, initialisation, forward pass, loss,
 * gradients, update, training, validation). script.ts writes it as NAME.py, notebook.ts as
 * NAME.ipynb. It redoes what the engine (src/nn/) does, in the same order of random draws, so it
 * prints the numbers the site shows; the tests run it and compare.
 *
 * Pure: the experiment in, the program's text out. The Python is written flush left in the
 * template strings below, as it will appear in the file.
 */
import { DATA_RECIPE } from '../nn/datasets.ts';
import type { Settings } from '../nn/types.ts';

/** A dataset read from a CSV file beside the program: its name in the run, and the file's name. */
interface CsvSource {
  name: string;
  file: string;
}

/** What the program is written for: an experiment, and where its data comes from. */
export interface ProgramInput {
  experiment: string;
  settings: Settings;
  /** The training set's file, or null when it is generated from the data seed. */
  trainFile: CsvSource | null;
  /** The validation sets' files, or none when they are generated from the data seed. */
  validationFiles: readonly CsvSource[];
}

/** A heading of the tutorial page and its anchor ("#the-data"). */
export interface TutorialSection {
  heading: string;
  anchor: string;
}

/** One step of the program: what it does in words, the tutorial's sections it follows, and its code. */
export interface ProgramSection {
  title: string;
  follows: readonly TutorialSection[];
  /** A sentence or two: a comment in the script, a text cell in the notebook. */
  note: string;
  code: string;
}

/** The whole program: a title, an introduction, the imports, the steps, and how it ends. */
export interface PythonProgram {
  title: string;
  /** What it is and what it needs, in paragraphs (the script's docstring, the notebook's first cell). */
  about: string[];
  /** How to run the script, one command a line. */
  usage: string[];
  imports: string;
  sections: ProgramSection[];
  /** The script's last lines: the table, or with --json one JSON object. */
  scriptEnd: string;
  /** The notebook's last cell: the table. */
  notebookEnd: string;
}

/**
 * Tags the program's Python code. Raw, so that a backslash in it stays a backslash (an escape of
 * Python's, not of JavaScript's); `${...}` still puts a value of the experiment in.
 */
const python = String.raw;

/** How often the table shows a row, as `npm run train` does. */
const TABLE_EVERY = 20;

/** A number as a Python float literal: 1 becomes 1.0 (JavaScript's shortest form is Python's too). */
function float(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

/** The experiment's settings as a Python dict, one per line, with what each one means. */
function settingsCode(input: ProgramInput): string {
  const s = input.settings;
  const lines: [string, string, string][] = [
    ['seed', String(s.seed), 'seeds the generator that draws the first weights'],
    ['dataSeed', String(s.dataSeed), 'seeds the generator that draws the images'],
    ['learningRate', String(s.learningRate), 'eta, the size of each step'],
    ['hiddenUnits', String(s.hiddenUnits), 'H, the ReLU units of the hidden layer'],
    ['init', JSON.stringify(s.init), 'how the first weights are drawn'],
    ['iterations', String(s.iterations), 'N, the number of updates'],
    ['frameEvery', String(s.frameEvery), "how often the site's figures show the network"],
  ];
  const body = lines.map(([key, value, note]) => `    "${key}": ${value},  # ${note}`);
  return [
    `# The settings of content/experiments/${input.experiment}.json.`,
    'SETTINGS = {',
    ...body,
    '}',
    `TABLE_EVERY = ${TABLE_EVERY}  # the table shows every ${TABLE_EVERY}th iteration, and the last`,
  ].join('\n');
}

/** Whether any dataset is generated from the data seed (then all are drawn, to keep the order of draws). */
function generatesData(input: ProgramInput): boolean {
  return input.trainFile === null || input.validationFiles.length === 0;
}

/** Whether any dataset is read from a CSV file. */
function readsFiles(input: ProgramInput): boolean {
  return input.trainFile !== null || input.validationFiles.length > 0;
}

const GENERATE_DATASETS = python`def line_image(label, position, values):
    """A 3x3 image, 9 pixels row by row, black (0) except on one line: column 'position'
    for class 0 (vertical), row 'position' for class 1 (horizontal)."""
    if label == 0:
        pixels = [position, position + 3, position + 6]
    else:
        pixels = [3 * position, 3 * position + 1, 3 * position + 2]
    image = np.zeros(9)
    image[pixels] = values
    return image


def generate_datasets(data_seed):
    """The training set and the two validation sets. Every random number comes from one
    generator, drawn in this order (as src/nn/datasets.ts draws them)."""
    rng = np.random.default_rng(data_seed)
    lines = [(label, position) for label in (0, 1) for position in (0, 1, 2)]
    images, labels = [], []
    for label, position in lines:
        images.append(line_image(label, position, [1.0, 1.0, 1.0]))  # a clean line
        labels.append(label)
        for _ in range(${DATA_RECIPE.variedPerLine}):  # lines of varied brightness
            images.append(line_image(label, position, rng.uniform(${float(DATA_RECIPE.variedLow)}, ${float(DATA_RECIPE.variedHigh)}, size=3)))
            labels.append(label)
    train = {"name": "train", "images": np.array(images), "labels": np.array(labels)}
    # Validation set 1: each line with one of its pixels dimmed (no random draws).
    dimmed = [
        line_image(label, position, [${float(DATA_RECIPE.dimmed)} if i == k else 1.0 for i in range(3)])
        for label, position in lines
        for k in range(3)
    ]
    dimmed_labels = [label for label, _ in lines for _ in range(3)]
    validation_1 = {"name": "validation-1", "images": np.array(dimmed), "labels": np.array(dimmed_labels)}
    # Validation set 2: the training images with Gaussian noise, image by image, clipped to [0, 1].
    noise = rng.normal(0.0, ${float(DATA_RECIPE.noiseSd)}, size=train["images"].shape)
    noisy = np.clip(train["images"] + noise, 0.0, 1.0)
    validation_2 = {"name": "validation-2", "images": noisy, "labels": train["labels"].copy()}
    return train, [validation_1, validation_2]`;

const READ_CSV = python`# The CSV files sit beside this program (download them from the same page).
DATA_FOLDER = Path(__file__).parent if "__file__" in globals() else Path(".")


def read_csv(name, file):
    """A dataset from a CSV file: a header row, then 9 pixels and the class on each row."""
    table = np.loadtxt(DATA_FOLDER / file, delimiter=",", skiprows=1, ndmin=2)
    return {"name": name, "images": table[:, :9], "labels": table[:, 9].astype(int)}`;

/** A CSV source as a Python call of read_csv. */
function readCall(source: CsvSource): string {
  return `read_csv(${JSON.stringify(source.name)}, ${JSON.stringify(source.file)})`;
}

/** Where the run's datasets come from: generated, read from files, or both. */
function datasetsCode(input: ProgramInput): string {
  const parts: string[] = [];
  if (generatesData(input)) parts.push(GENERATE_DATASETS);
  if (readsFiles(input)) parts.push(READ_CSV);
  const assign: string[] = [];
  if (generatesData(input))
    assign.push('train_set, validation_sets = generate_datasets(SETTINGS["dataSeed"])');
  if (input.trainFile !== null) assign.push(`train_set = ${readCall(input.trainFile)}`);
  if (input.validationFiles.length > 0)
    assign.push(
      `validation_sets = [\n${input.validationFiles.map((f) => `    ${readCall(f)},`).join('\n')}\n]`,
    );
  const source =
    input.trainFile === null
      ? 'f"generated from dataSeed {SETTINGS[\'dataSeed\']}"'
      : JSON.stringify(`from ${input.trainFile.file}`);
  assign.push(`TRAIN_SOURCE = ${source}`);
  return [...parts, assign.join('\n')].join('\n\n\n');
}

const MATRICES = python`X = train_set["images"].T  # 9 x n: one image per column
labels = train_set["labels"]  # the class of each image, 0 or 1
Y = np.eye(2)[:, labels]  # 2 x n: column j is the one-hot target of image j`;

const INITIALISATION = python`def initial_weights(rng, rows, n, init):
    """A rows x n weight matrix for a layer with n inputs, filled row by row as 'init' says."""
    if init == "zeros":
        return np.zeros((rows, n))  # no random draws at all
    z = rng.normal(size=(rows, n))  # standard normal draws
    if init == "xavier":
        return z / np.sqrt(n)  # variance 1/n
    if init == "he":
        return z * np.sqrt(2 / n)  # variance 2/n
    if init == "large":
        return z * (10 / np.sqrt(n))  # ten times Xavier's scale
    raise ValueError(f"unknown init {init!r}")


def init_parameters(hidden_units, seed, init):
    """W1 (H x 9) first, then W2 (2 x H), from one generator; the biases start at 0."""
    rng = np.random.default_rng(seed)
    W1 = initial_weights(rng, hidden_units, 9, init)
    W2 = initial_weights(rng, 2, hidden_units, init)
    return {"W1": W1, "b1": np.zeros((hidden_units, 1)), "W2": W2, "b2": np.zeros((2, 1))}`;

const FORWARD = python`def relu(Z):
    return np.maximum(Z, 0)


def softmax(Z):
    """Each column's exponentials divided by their sum. Subtracting the column's largest
    entry first changes nothing but keeps exp from overflowing."""
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def forward(params, X):
    Z1 = params["W1"] @ X + params["b1"]  # H x n; b1 is added to every column
    A1 = relu(Z1)
    Z2 = params["W2"] @ A1 + params["b2"]  # 2 x n
    A2 = softmax(Z2)  # the class probabilities of each image
    return Z1, A1, A2`;

const LOSS = python`def cross_entropy(A2, labels):
    """L: minus the sum, over the images, of the log of the probability of the true class."""
    return -np.sum(np.log(A2[labels, np.arange(len(labels))]))


def accuracy(A2, labels):
    """The fraction of images whose most probable class is their label."""
    return np.mean(A2.argmax(axis=0) == labels)`;

const GRADIENTS = python`def gradients(params, X, Y, Z1, A1, A2):
    dZ2 = A2 - Y  # 2 x n: softmax and cross-entropy together (the tutorial's appendix)
    dW2 = dZ2 @ A1.T
    db2 = dZ2.sum(axis=1, keepdims=True)
    dZ1 = (params["W2"].T @ dZ2) * (Z1 > 0)  # H x n: ReLU passes it on only where Z1 > 0
    dW1 = dZ1 @ X.T
    db1 = dZ1.sum(axis=1, keepdims=True)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}`;

const UPDATE = python`def update(params, grads, learning_rate):
    """One step of gradient descent: every parameter moves against its gradient."""
    return {name: params[name] - learning_rate * grads[name] for name in params}`;

const TRAINING = python`def train(X, Y, labels, settings):
    """Full-batch gradient descent. State k is the network before its k-th update, k = 0..N.
    Stops early, and says where, if the loss stops being a finite number."""
    params = init_parameters(settings["hiddenUnits"], settings["seed"], settings["init"])
    history = []
    for iteration in range(settings["iterations"] + 1):
        Z1, A1, A2 = forward(params, X)
        loss = cross_entropy(A2, labels)
        if not np.isfinite(loss):
            divergence = {"iteration": iteration, "loss": "Infinity" if np.isinf(loss) else "NaN"}
            return {"history": history, "params": params, "divergence": divergence}
        history.append({"iteration": iteration, "loss": float(loss), "accuracy": float(accuracy(A2, labels))})
        if iteration < settings["iterations"]:
            params = update(params, gradients(params, X, Y, Z1, A1, A2), settings["learningRate"])
    return {"history": history, "params": params, "divergence": None}


# A learning rate far too large makes exp overflow or log meet 0; the loss check reports it.
with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
    run = train(X, Y, labels, SETTINGS)
first_perfect = next((entry["iteration"] for entry in run["history"] if entry["accuracy"] == 1), None)`;

const VALIDATION = python`def evaluate(params, dataset):
    _, _, A2 = forward(params, dataset["images"].T)
    correct = int(np.sum(A2.argmax(axis=0) == dataset["labels"]))
    total = len(dataset["labels"])
    return {"name": dataset["name"], "accuracy": correct / total, "correct": correct, "total": total}


# A run that diverged has no final network to validate.
validation = [] if run["divergence"] else [evaluate(run["params"], d) for d in validation_sets]`;

const REPORT = python`def print_table():
    """The table 'npm run train' prints: settings, loss and accuracy, then the results."""
    s = SETTINGS
    print(f"Training a 9-{s['hiddenUnits']}-2 network: " + ", ".join(f"{k} {v}" for k, v in s.items()))
    sets = ", ".join(f"{d['name']} ({len(d['labels'])})" for d in validation_sets)
    print(f"Training set: {len(train_set['labels'])} images {TRAIN_SOURCE}; validation sets: {sets}")
    print()
    print("iteration          loss  accuracy")
    for entry in run["history"]:
        if entry["iteration"] % TABLE_EVERY == 0 or entry["iteration"] == s["iterations"]:
            print(f"{entry['iteration']:9d}  {entry['loss']:12.6f}  {entry['accuracy']:8.4f}")
    print()
    if run["divergence"]:
        d = run["divergence"]
        print(f"Training diverged: the loss is {d['loss']} at iteration {d['iteration']}.")
        return
    print("Accuracy never reached 1." if first_perfect is None else f"First iteration with accuracy 1: {first_perfect}")
    print("Validation accuracy of the final network:")
    for result in validation:
        print(f"  {result['name']}: {result['accuracy']:.4f} ({result['correct']} of {result['total']} correct)")


def as_json():
    """The run as one JSON-ready object: what the site's results say about it."""
    return {
        "experiment": EXPERIMENT,
        "history": run["history"],
        "firstPerfectIteration": first_perfect,
        "validation": [{"name": r["name"], "accuracy": r["accuracy"]} for r in validation],
        "divergence": run["divergence"],
    }`;

const SCRIPT_END = python`if __name__ == "__main__":
    if "--json" in sys.argv[1:]:
        print(json.dumps(as_json()))
    else:
        print_table()
        sys.exit(1 if run["divergence"] else 0)`;

/** The tutorial's headings the program points to (the anchors Starlight gives them). */
const TUTORIAL = {
  data: { heading: 'The data', anchor: '#the-data' },
  inputMatrix: { heading: 'The input matrix', anchor: '#the-input-matrix' },
  oneHot: { heading: 'Labels and one-hot targets', anchor: '#labels-and-one-hot-targets' },
  initialisation: { heading: 'Initialisation', anchor: '#initialisation' },
  forward: { heading: 'Forward propagation', anchor: '#forward-propagation' },
  loss: { heading: 'The loss function', anchor: '#the-loss-function' },
  backward: { heading: 'Backward propagation', anchor: '#backward-propagation' },
  update: { heading: 'Updating the parameters', anchor: '#updating-the-parameters' },
  training: { heading: 'The training loop', anchor: '#the-training-loop' },
  validation: { heading: 'Validation', anchor: '#validation' },
} satisfies Record<string, TutorialSection>;

/** Every tutorial heading a program may point to (the tests check that the page has each anchor). */
export const TUTORIAL_SECTIONS: readonly TutorialSection[] = Object.values(TUTORIAL);

/** The program's first section: the datasets, generated as the site generates them or read from its CSV files. */
function dataSection(input: ProgramInput): ProgramSection {
  return {
    title: 'The data',
    follows: [TUTORIAL.data],
    note: generatesData(input)
      ? 'The training set and the two validation sets, drawn from the data seed in a fixed order, so that numpy makes exactly the images the site shows.'
      : 'The datasets are read from the CSV files the experiment names, downloaded beside this program.',
    code: datasetsCode(input),
  };
}

/** The sections after the data, the same in every program, each with the part of the tutorial it follows. */
const AFTER_THE_DATA: readonly ProgramSection[] = [
  {
    title: 'The input matrix and the targets',
    follows: [TUTORIAL.inputMatrix, TUTORIAL.oneHot],
    note: 'The images become the columns of X, and each label a one-hot column of Y.',
    code: MATRICES,
  },
  {
    title: 'Initialisation',
    follows: [TUTORIAL.initialisation],
    note: 'The first weights come from their own generator, seeded with the seed setting: all of W1, then all of W2.',
    code: INITIALISATION,
  },
  {
    title: 'The forward pass',
    follows: [TUTORIAL.forward],
    note: 'From the pixels to the class probabilities: a ReLU layer, then softmax.',
    code: FORWARD,
  },
  {
    title: 'The loss',
    follows: [TUTORIAL.loss],
    note: 'Cross-entropy summed over the training images, and the accuracy beside it.',
    code: LOSS,
  },
  {
    title: 'The gradients',
    follows: [TUTORIAL.backward],
    note: 'The backward pass: the chain rule from the loss back to every parameter.',
    code: GRADIENTS,
  },
  {
    title: 'The update',
    follows: [TUTORIAL.update],
    note: 'Each parameter takes a step of size learningRate times its gradient, downhill.',
    code: UPDATE,
  },
  {
    title: 'Training',
    follows: [TUTORIAL.training],
    note: 'One forward pass, loss and update for each of the N iterations, keeping the loss and accuracy of every state.',
    code: TRAINING,
  },
  {
    title: 'Validation',
    follows: [TUTORIAL.validation],
    note: 'The final network on images it was not trained on.',
    code: VALIDATION,
  },
  {
    title: 'The results',
    follows: [],
    note: 'The table `npm run train` prints for this experiment, and the same run as JSON.',
    code: REPORT,
  },
];

/** The numpy program of one experiment. */
export function pythonProgram(input: ProgramInput): PythonProgram {
  const name = input.experiment;
  return {
    title: `Experiment "${name}", reproduced in numpy`,
    about: [
      `The tutorial's algorithm, from the images to the validation accuracies, with the settings of content/experiments/${name}.json. The site's build wrote this program, and its tests run it: it prints the numbers the site shows. Each section names the part of the tutorial it follows.`,
      'It needs numpy 1.17 or later (for numpy.random.default_rng) and nothing else. The losses may differ from the site in the last few digits, because numpy may add numbers up in another order; the random numbers, and so the images and the first weights, are the same.',
    ],
    usage: [
      `python3 ${name}.py           # the loss and accuracy table, then the results`,
      `python3 ${name}.py --json    # every iteration's loss and accuracy as one JSON object`,
    ],
    imports: [
      'import json',
      'import sys',
      ...(readsFiles(input) ? ['from pathlib import Path'] : []),
      '',
      'import numpy as np',
      '',
      `EXPERIMENT = ${JSON.stringify(name)}`,
      settingsCode(input),
    ].join('\n'),
    sections: [dataSection(input), ...AFTER_THE_DATA],
    scriptEnd: SCRIPT_END,
    notebookEnd: 'print_table()',
  };
}
