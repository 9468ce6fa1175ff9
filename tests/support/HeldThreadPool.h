#pragma once

#include <QSemaphore>
#include <QThreadPool>

// A thread pool whose one thread is held until release(): work started on it waits, so a
// test sees for certain what happens before a background search ends, with no timing.
class HeldThreadPool : public QThreadPool
{
public:
    HeldThreadPool()
    {
        setMaxThreadCount(1);
        start([this] { m_gate.acquire(); });
    }
    ~HeldThreadPool() override
    {
        release();
        waitForDone();
    }

    void release()
    {
        if (!m_released) {
            m_released = true;
            m_gate.release();
        }
    }

private:
    QSemaphore m_gate;
    bool m_released = false;
};
