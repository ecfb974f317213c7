// Office.js typings for the add-in (the root tsconfig lists only node types).
/// <reference types="office-js" />
