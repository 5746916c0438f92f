# The bot as one container (docs/deployment.md runs two of them as a fleet). No build step: tsx runs the TypeScript.
FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY tsconfig.json ./
COPY src ./src
COPY knowledge ./knowledge
USER node
# node itself (not npm) is PID 1's child, so SIGTERM from `docker stop` reaches the bot's graceful shutdown.
CMD ["node", "--import", "tsx", "src/main.ts"]
