// Hardware drivers (printer, LED boards, keypads, rating boxes) land here: transport → codec → driver, each with a simulated device.
export {};
