// The view library in one place: Preact with htm tagged templates (no build step, no JSX).
import { h, render, Fragment } from 'preact';
import { useState, useEffect, useMemo, useRef, useCallback } from 'preact/hooks';
import htm from 'htm';

export const html = htm.bind(h);
export { render, Fragment, useState, useEffect, useMemo, useRef, useCallback };
