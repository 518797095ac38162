// Hardware only; knows nothing of queue rules. transport → codec → driver, each device kind with a simulated twin.
export * from './transport';
export * from './ratingbox';
export * from './keypad';
export * from './escpos';
export * from './led';
