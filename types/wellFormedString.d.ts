// ES2024 string methods (Node 20+, Electron's Chromium): the project's lib is ES2023.
interface String {
  isWellFormed(): boolean;
  toWellFormed(): string;
}
