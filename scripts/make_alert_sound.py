"""Synthesise resources/sounds/urgent.wav, the urgent-arrival sound (run once; the file is kept).

Written here rather than taken from a sound library so its licence is ours: two short rising
tones (880 Hz then 1175 Hz, 0.18 s each, with 10 ms fades so they do not click), 16-bit mono at
22,050 Hz, about 17 KB. Run: python scripts/make_alert_sound.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
TONES = ((880.0, 0.18), (0.0, 0.06), (1174.7, 0.18))  # (Hz, seconds); 0 Hz is a pause
FADE = 0.010
VOLUME = 0.5
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "urgent.wav"


def samples() -> list[int]:
    out: list[int] = []
    for freq, seconds in TONES:
        n = int(RATE * seconds)
        fade = int(RATE * FADE)
        for i in range(n):
            envelope = min(1.0, i / fade, (n - 1 - i) / fade) if freq else 0.0
            out.append(int(32767 * VOLUME * envelope * math.sin(2 * math.pi * freq * i / RATE)))
    return out


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        data = samples()
        f.writeframes(struct.pack(f"<{len(data)}h", *data))
    print(OUT)


if __name__ == "__main__":
    main()
